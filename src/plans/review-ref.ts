import { encodeDeploymentId } from '../audit/audit-keys.js'
import { nameProblem } from '../model/names.js'

/** The pull request a plan was reviewed in: repository, number and head commit. */
export interface ReviewRef {
  /** `owner/repo`. */
  repository: string
  pullRequest: number
  headSha: string
}

/** Where stored plans live in the state store (one folder per repository, pull request and head commit). */
export const PLANS_PREFIX = 'reviewed-plans/'

/** A review reference that cannot be used in a key. */
export class ReviewRefError extends Error {
  override name = 'ReviewRefError'
}

const SHA = /^[0-9a-f]{7,64}$/

/** Why the reference is unusable, or undefined. */
function refProblem(r: ReviewRef): string | undefined {
  const parts = r.repository.split('/')
  if (parts.length !== 2) return `repository ${JSON.stringify(r.repository)} must be owner/repo`
  const bad = parts.map((p) => nameProblem(p)).find(Boolean)
  if (bad) return `repository ${JSON.stringify(r.repository)}: ${bad}`
  if (!Number.isSafeInteger(r.pullRequest) || r.pullRequest < 1) return `pull request ${r.pullRequest} must be a positive whole number`
  if (!SHA.test(r.headSha)) return `head commit ${JSON.stringify(r.headSha)} must be a hexadecimal commit SHA`
  return undefined
}

/** `owner/repo#12@<sha>` (the `--review` flag) into a ReviewRef; throws ReviewRefError. */
export function parseReviewRef(text: string): ReviewRef {
  const m = text.trim().match(/^([^#@\s]+)#(\d+)@([0-9A-Fa-f]+)$/)
  if (!m) throw new ReviewRefError(`review ${JSON.stringify(text)} must be owner/repo#<pull request>@<head sha>`)
  const ref: ReviewRef = { repository: m[1] as string, pullRequest: Number(m[2]), headSha: (m[3] as string).toLowerCase() }
  const problem = refProblem(ref)
  if (problem) throw new ReviewRefError(`review ${JSON.stringify(text)}: ${problem}`)
  return ref
}

/** The folder of one review: `reviewed-plans/{owner}/{repo}/pr-{n}/{sha}/`. */
export function reviewPrefix(r: ReviewRef): string {
  const problem = refProblem(r)
  if (problem) throw new ReviewRefError(problem)
  return `${PLANS_PREFIX}${r.repository}/pr-${r.pullRequest}/${r.headSha}/`
}

/** The three objects of one deployment's stored plan (the deployment id is one segment, `/` as `~`). */
export interface StoredPlanKeys {
  folder: string
  plan: string
  json: string
  meta: string
}

/** Keys of a deployment's stored plan: the saved plan file, its JSON, and the metadata written last. */
export function storedPlanKeys(r: ReviewRef, deploymentId: string): StoredPlanKeys {
  const folder = `${reviewPrefix(r)}${encodeDeploymentId(deploymentId)}/`
  return { folder, plan: `${folder}plan.tfplan`, json: `${folder}plan.json`, meta: `${folder}meta.json` }
}

/** Whether a key is the metadata of a stored plan (what expiry reads). */
export const isMetaKey = (key: string): boolean => key.startsWith(PLANS_PREFIX) && key.endsWith('/meta.json')

/** `owner/repo#12@abc1234` for messages. */
export const describeReview = (r: ReviewRef): string => `${r.repository}#${r.pullRequest}@${r.headSha.slice(0, 12)}`
