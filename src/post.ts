import { runPost } from './action/post.js'

// The entry point of dist/post.js, action.yml's `post:` step.
await runPost()
