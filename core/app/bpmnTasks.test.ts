import { describe, expect, it } from 'vitest';
import { parseXml } from '../text/xmlDocument';
import { readBpmnTasks as readTasksOf } from './bpmnTasks';

/** Tasks and task problems (as messages) of a process text. */
function readBpmnTasks(xml: string) {
  const { tasks, problems } = readTasksOf(parseXml(xml));
  return { tasks, problems: problems.map((p) => p.message) };
}

const altinnProcess = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="SingleDataTask" isExecutable="false">
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <!-- <bpmn:task id="Commented" name="not a task"/> -->
    <bpmn:task id="Task_1" name="Utfylling &amp; kontroll">
      <bpmn:extensionElements>
        <altinn:taskExtension>
          <altinn:taskType>data</altinn:taskType>
        </altinn:taskExtension>
      </bpmn:extensionElements>
    </bpmn:task>
    <bpmn:task id="Task_Sign" name='Signering'>
      <bpmn:extensionElements>
        <altinn:taskExtension>
          <altinn:taskType><![CDATA[signing]]></altinn:taskType>
          <altinn:signatureConfig><altinn:dataTypesToSign><altinn:dataType>model</altinn:dataType></altinn:dataTypesToSign></altinn:signatureConfig>
        </altinn:taskExtension>
      </bpmn:extensionElements>
    </bpmn:task>
    <bpmn:serviceTask id="Task_Pdf" name="PDF">
      <bpmn:extensionElements><altinn:taskExtension><altinn:taskType>pdf</altinn:taskType></altinn:taskExtension></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:endEvent id="EndEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNShape id="s" bpmnElement="Task_1" /></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

describe('readBpmnTasks', () => {
  it('reads Altinn tasks with their types, skipping comments and diagram shapes', () => {
    const { tasks, problems } = readBpmnTasks(altinnProcess);
    expect(problems).toEqual([]);
    expect(tasks).toEqual([
      { id: 'Task_1', name: 'Utfylling & kontroll', taskType: 'data', element: 'task' },
      { id: 'Task_Sign', name: 'Signering', taskType: 'signing', element: 'task' },
      { id: 'Task_Pdf', name: 'PDF', taskType: 'pdf', element: 'serviceTask' },
    ]);
  });

  it('works with any prefix, including none (default namespace)', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:a="http://altinn.no/process">
      <process id="p"><task id="T1" name="One"><extensionElements><a:taskExtension><a:taskType>confirmation</a:taskType></a:taskExtension></extensionElements></task></process>
    </definitions>`;
    expect(readBpmnTasks(xml).tasks).toEqual([{ id: 'T1', name: 'One', taskType: 'confirmation', element: 'task' }]);
    const other = altinnProcess.replaceAll('bpmn:', 'bpmn2:').replaceAll('altinn:', 'alt:');
    expect(readBpmnTasks(other).tasks.map((t) => t.taskType)).toEqual(['data', 'signing', 'pdf']);
  });

  it('reads the legacy altinn:tasktype attribute', () => {
    const xml = `<bpmn2:definitions xmlns:bpmn2="x" xmlns:altinn="http://altinn.no">
      <bpmn2:process id="p"><bpmn2:task id="Task_1" name="Utfylling" altinn:tasktype="data" /><bpmn2:task id="Task_2" altinn:TaskType="confirmation"></bpmn2:task></bpmn2:process>
    </bpmn2:definitions>`;
    expect(readBpmnTasks(xml)).toEqual({
      tasks: [
        { id: 'Task_1', name: 'Utfylling', taskType: 'data', element: 'task' },
        { id: 'Task_2', name: '', taskType: 'confirmation', element: 'task' },
      ],
      problems: [],
    });
  });

  it('prefers the taskExtension over the legacy attribute', () => {
    const xml = `<d><process><task id="T" altinn:tasktype="data"><extensionElements><taskExtension><taskType>signing</taskType></taskExtension></extensionElements></task></process></d>`;
    expect(readBpmnTasks(xml).tasks[0]?.taskType).toBe('signing');
  });

  it('reports problems without throwing', () => {
    const xml = `<d><process><task id="A"></task><task id="A"><extensionElements><taskExtension><taskType>data</taskType></taskExtension></extensionElements></task><task name="x">`;
    const { tasks, problems } = readBpmnTasks(xml);
    // Unclosed elements are the XML document's problems, not the process's.
    expect(parseXml(xml).problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/<process> is not closed/)]));
    expect(tasks.map((t) => t.id)).toEqual(['A', 'A', '']);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/task "A" has no altinn:taskType/),
        expect.stringMatching(/"A" is used twice/),
        expect.stringMatching(/a <task> has no id/),
      ]),
    );
  });

  it('says so when the text is not a process at all', () => {
    expect(readBpmnTasks('not xml').problems).toEqual(['the file has no <process> element']);
    expect(readTasksOf(parseXml('<a><b></a>')).problems[0]).toMatchObject({ line: 1, column: 1, message: 'the file has no <process> element' });
  });
});
