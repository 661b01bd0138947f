import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

describe('ErrorBoundary', () => {
  it('draws the fallback with the thrown error, and the children again after a reset', () => {
    const seen: string[] = [];
    const boundary = new ErrorBoundary({
      fallback: (error, reset) => {
        seen.push(error.message);
        return createElement('button', { onClick: reset }, 'again');
      },
      children: 'form',
    });
    let state = boundary.state;
    boundary.setState = (next) => {
      state = { ...state, ...(next as object) };
    };
    expect(boundary.render()).toBe('form');

    boundary.state = ErrorBoundary.getDerivedStateFromError('a string was thrown');
    const fallback = boundary.render() as { props: { onClick: () => void } };
    expect(seen).toEqual(['a string was thrown']);
    fallback.props.onClick();
    boundary.state = state;
    expect(state.error).toBeNull();
    expect(boundary.render()).toBe('form');
  });
});
