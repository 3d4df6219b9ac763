import { PARSER_ROLE_VARIABLE, serveParseRequests } from './discovery/io/hcl/parser-subprocess.js'

// The CLI is loaded only when it runs: the parser child needs none of it, and starts sooner without it.
if (process.env[PARSER_ROLE_VARIABLE]) await serveParseRequests()
else process.exitCode = await (await import('./cli/main.js')).runCli(process.argv.slice(2))
