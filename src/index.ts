import { PARSER_ROLE_VARIABLE, serveParseRequests } from './discovery/io/hcl/parser-subprocess.js'
import { run } from './action/main.js'

if (process.env[PARSER_ROLE_VARIABLE]) await serveParseRequests()
else await run()
