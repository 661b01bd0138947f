// s3rver in a process of its own, for testing/s3Server.ts. It runs with --openssl-legacy-provider:
// s3rver 3.7 makes its listing continuation tokens with DES, which Node's OpenSSL 3 only has there.
// Prints `listening <port>` once it listens; ends when its standard input closes (its parent went).
// Usage: node --openssl-legacy-provider s3rverProcess.mjs <directory> <bucket>...
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, vhostBuckets: false, configureBuckets: buckets.map((name) => ({ name })) });
const { port } = await server.run();
process.stdout.write(`listening ${port}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
