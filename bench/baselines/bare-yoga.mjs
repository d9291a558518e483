// Baseline: graphql-yoga with nothing but { hello }: the floor under any query of our own server.
import http from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }),
  logging: false,
  landingPage: false,
  graphiql: false,
});
const server = http.createServer(yoga);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline is listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
