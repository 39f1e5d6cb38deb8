import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeOnly = [
  'electron',
  'electron/*',
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'lowdb',
  'lowdb/*'
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'dist/**'
    ]
  },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', URL: 'readonly' }
    }
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Raw IPC only in the one file each that wraps it.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use src/main/ipc.ts or src/preload/index.ts.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/ipc.ts', 'src/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    // The renderer runs in a sandboxed page: no Node, no Electron, no store.
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeOnly,
              message: 'Renderer and shared code run in the browser: no Node, Electron or lowdb.'
            }
          ]
        }
      ],
      // The page shows text strangers wrote: it reaches the DOM as text, never parsed as HTML.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment)$/]',
          message: 'Build elements and text nodes; never parse strings as HTML in the page.'
        },
        {
          selector: "MemberExpression[object.name='document'][property.name=/^write(ln)?$/]",
          message: 'Build elements and text nodes; never parse strings as HTML in the page.'
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text as text; never set HTML in the page.'
        }
      ]
    }
  },
  {
    // The core is plain Node: it knows nothing of its host.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The core must not depend on Electron.' }
          ]
        }
      ]
    }
  }
)
