// Baseline: raw node:http answering every request with the same small JSON, after reading its body,
// so it does the least work any HTTP server must do for a GraphQL POST.
import http from 'node:http';

const body = JSON.stringify({ data: { hello: 'world' } });
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline is listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
