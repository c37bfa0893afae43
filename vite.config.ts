import react from '@vitejs/plugin-react'
import type { Plugin, Rollup } from 'vite'
import { defineConfig } from 'vitest/config'

/**
 * The page's first script is a small one that imports the app (see `src/main.tsx`): the app's
 * code and styles are asked for by the page itself, with that script, not once it has run.
 */
function preloadApp(entry: string): Plugin {
  let base = '/'
  return {
    name: 'turnline:preload-app',
    apply: 'build',
    configResolved: (config) => void (base = config.base),
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle = {} }) {
        const chunks = Object.values(bundle).filter(
          (output): output is Rollup.OutputChunk => output.type === 'chunk',
        )
        const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(entry))
        if (!app) throw new Error(`the build has no chunk for ${entry}`)
        const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
        // The app and every chunk it imports, but not the entry, which the page loads already.
        const scripts = new Set<string>()
        const styles = new Set<string>()
        const add = (chunk: Rollup.OutputChunk | undefined) => {
          if (!chunk || chunk.isEntry || scripts.has(chunk.fileName)) return
          scripts.add(chunk.fileName)
          chunk.viteMetadata?.importedCss.forEach((file) => styles.add(file))
          chunk.imports.forEach((file) => add(byName.get(file)))
        }
        add(app)
        const link = (rel: string) => (file: string) => ({
          tag: 'link',
          attrs: { rel, crossorigin: '', href: base + file },
          injectTo: 'head' as const,
        })
        return [...[...scripts].map(link('modulepreload')), ...[...styles].map(link('stylesheet'))]
      },
    },
  }
}

/**
 * The build names every file under `assets/` by its content, so `vite preview` (and any host,
 * see the README) may let the browser keep them for good: a reload then asks the server for the
 * page alone, not whether each script and worker changed.
 */
function immutableAssets(): Plugin {
  const year = 365 * 24 * 3600
  return {
    name: 'turnline:immutable-assets',
    configurePreviewServer(server) {
      const assets = `${server.config.base}assets/`
      server.middlewares.use((request, response, next) => {
        if (request.url?.startsWith(assets))
          response.setHeader('Cache-Control', `public, max-age=${year}, immutable`)
        next()
      })
    },
  }
}

export default defineConfig({
  plugins: [react(), preloadApp('src/app/start.tsx'), immutableAssets()],
  server: { port: 5173 },
  preview: { port: 4173 },
  // ES workers can import() mediabunny lazily: Opus-only sessions never fetch it.
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
