import { PARSER_ROLE_VARIABLE, serveParseRequests } from './discovery/io/hcl/parser-subprocess.js'

// The action is loaded only when it runs: the parser child needs none of it, and starts sooner without it.
if (process.env[PARSER_ROLE_VARIABLE]) await serveParseRequests()
else await (await import('./action/main.js')).run()
