import { PARSER_ROLE_VARIABLE, serveParseRequests } from './discovery/io/hcl/parser-subprocess.js'
import { runCli } from './cli/main.js'

if (process.env[PARSER_ROLE_VARIABLE]) await serveParseRequests()
else process.exitCode = await runCli(process.argv.slice(2))
