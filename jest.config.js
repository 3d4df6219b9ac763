import { join } from 'node:path'

// Tests run the real tools that scripts/install-tools.sh puts in .tools/bin.
process.env.PATH = `${join(process.cwd(), '.tools', 'bin')}:${process.env.PATH}`

/** jest runs the TypeScript sources as ESM (the @actions packages are ESM-only). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 120000,
  verbose: false
}
