import fc from 'fast-check'
import { buildCommentMarker, commentMarkerMatcher, findOwnComment, normalizeWorkingDir, isNewerRun, mayOverwrite, parseCommentMarker, runIdTime, type CommentMarker } from '../../src/render/comment-marker.js'

describe('comment marker', () => {
  it('round-trips through a comment body with other text and other comments markers around it', () => {
    const m: CommentMarker = { workingDir: 'infra/aws fleet', runId: '20261126T184959123Z-abc123', githubRunId: 9876543210, githubRunAttempt: 2 }
    const body = `<!-- some-other-bot:comment id=1 -->\nhello\n${buildCommentMarker(m)}\n### tf-orchestrator plan`
    expect(parseCommentMarker(body)).toEqual(m)
  })

  it('survives working directories that would otherwise end the comment or split fields', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ minLength: 1, unit: 'grapheme' }), (dir, runId) => {
        const workingDir = normalizeWorkingDir(dir)
        expect(parseCommentMarker(`before -->\n${buildCommentMarker({ workingDir, runId })}\n<!-- after -->`)).toEqual({ workingDir, runId })
      })
    )
    expect(parseCommentMarker(buildCommentMarker({ workingDir: 'a --> b=c', runId: 'r' }))?.workingDir).toBe('a --> b=c')
  })

  it('normalises ./dir/ to dir and ignores bodies without a marker or with a broken one', () => {
    expect(parseCommentMarker(buildCommentMarker({ workingDir: './infra/', runId: 'r1' }))?.workingDir).toBe('infra')
    expect(parseCommentMarker('no marker here')).toBeUndefined()
    expect(parseCommentMarker('<!-- tf-orchestrator:comment run=r1 -->')).toBeUndefined()
    expect(parseCommentMarker('<!-- tf-orchestrator:comment working-dir=%E0%A4%A run=r1 -->')).toBeUndefined()
    expect(parseCommentMarker('<!-- tf-orchestrator:comment working-dir=. run=r1 gh-run=abc -->')).toEqual({ workingDir: '.', runId: 'r1' })
  })

  it('reads run id timestamps with and without milliseconds', () => {
    expect(runIdTime('20261126T184959123Z-abc123')).toBe(Date.parse('2026-11-26T18:49:59.123Z'))
    expect(runIdTime('20261126T184959Z-abc123')).toBe(Date.parse('2026-11-26T18:49:59.000Z'))
    expect(runIdTime('not-a-run-id')).toBeUndefined()
  })
})

describe('isNewerRun', () => {
  const at = (runId: string, githubRunId?: number, githubRunAttempt?: number): CommentMarker => ({ workingDir: '.', runId, githubRunId, githubRunAttempt })

  it('compares run id timestamps to the millisecond, not the random suffix', () => {
    expect(isNewerRun(at('20261126T184959124Z-000000'), at('20261126T184959123Z-ffffff'))).toBe(true)
    expect(isNewerRun(at('20261126T184959123Z-ffffff'), at('20261126T184959124Z-000000'))).toBe(false)
    expect(isNewerRun(at('20261126T184959123Z-aaaaaa'), at('20261126T184959123Z-aaaaaa'))).toBe(false)
  })

  it('lets GitHub run ids, then attempts, decide when both markers have them', () => {
    // The newer GitHub run started earlier on the clock (a slow runner): GitHub's order wins.
    expect(isNewerRun(at('20261126T100000000Z-a', 101), at('20261126T110000000Z-b', 100))).toBe(true)
    expect(isNewerRun(at('20261126T100000000Z-a', 100, 2), at('20261126T110000000Z-b', 100, 1))).toBe(true)
    expect(isNewerRun(at('20261126T100000000Z-a', 100, 1), at('20261126T110000000Z-b', 100))).toBe(false)
    // Only one has a GitHub id: timestamps decide.
    expect(isNewerRun(at('20261126T100000000Z-a', 100), at('20261126T110000000Z-b'))).toBe(false)
  })

  it('treats an unreadable run id as oldest, so it gets replaced', () => {
    expect(isNewerRun(at('20261126T100000000Z-a'), at('garbage'))).toBe(true)
    expect(isNewerRun(at('garbage'), at('20261126T100000000Z-a'))).toBe(false)
  })

  it('never lets an older run overwrite a newer one, and lets the same run update its comment', () => {
    const older = at('20261126T100000000Z-a')
    const newer = at('20261126T100000001Z-b')
    expect(mayOverwrite(newer, older)).toBe(false)
    expect(mayOverwrite(older, newer)).toBe(true)
    expect(mayOverwrite(newer, newer)).toBe(true)
  })
})

describe('findOwnComment', () => {
  it('picks the comment for this working directory, the newest when a race left two', () => {
    const comments = [
      { id: 1, body: 'LGTM' },
      { id: 2, body: buildCommentMarker({ workingDir: 'other', runId: '20261126T120000000Z-x' }) },
      { id: 3, body: buildCommentMarker({ workingDir: 'infra', runId: '20261126T100000000Z-a' }) },
      { id: 4, body: buildCommentMarker({ workingDir: './infra', runId: '20261126T110000000Z-b' }) },
      { id: 5, body: null }
    ]
    expect(findOwnComment(comments, 'infra/')?.comment.id).toBe(4)
    expect(findOwnComment(comments, 'missing')).toBeUndefined()
  })
})

describe('commentMarkerMatcher', () => {
  it('recognises only this working directory and reports a newer run', () => {
    const m = commentMarkerMatcher({ workingDir: 'infra', runId: '20261126T110000000Z-b', githubRunId: 100 })
    const body = (workingDir: string, runId: string, githubRunId?: number): string => `${buildCommentMarker({ workingDir, runId, githubRunId })}\nbody`
    expect(m.matches(body('./infra/', '20261126T100000000Z-a'))).toBe(true)
    expect(m.matches(body('other', '20261126T100000000Z-a'))).toBe(false)
    expect(m.matches('LGTM')).toBe(false)
    expect(m.isNewer(body('infra', '20261126T100000000Z-a', 101))).toBe(true)
    expect(m.isNewer(body('infra', '20261126T120000000Z-c', 99))).toBe(false)
    expect(m.isNewer(body('other', '20261126T120000000Z-c', 101))).toBe(false)
  })
})
