import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { VantResolver } from '@vant/auto-import-resolver';
import properties from './properties.js';

// The app is served by the portal (Spring Boot) from its classpath: build straight into target/classes/static.
export default defineConfig({
  base: '/',
  plugins: [
    properties(),
    vue(),
    Components({
      dts: false,
      resolvers: [ElementPlusResolver({ importStyle: 'css' }), VantResolver({ importStyle: 'css' })]
    })
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The catalogue's bundles live with the portal's other resources (src/main/resources/messages).
      '@messages': fileURLToPath(new URL('../src/main/resources/messages', import.meta.url))
    }
  },
  build: {
    outDir: fileURLToPath(new URL('../target/classes/static', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/vue') || id.includes('node_modules/@vue') || id.includes('node_modules/vue-router') || id.includes('node_modules/vue-i18n') || id.includes('node_modules/@intlify')) return 'vue';
          return undefined;
        }
      }
    }
  },
  server: {
    // For `npm run dev` next to a running portal: the portal serves /api, /oauth2, /login and /logout.
    proxy: {
      '/api': 'http://127.0.0.1:8090',
      '/oauth2': 'http://127.0.0.1:8090',
      '/login': 'http://127.0.0.1:8090',
      '/logout': 'http://127.0.0.1:8090'
    }
  },
  test: {
    include: ['tests/**/*.test.js'],
    environment: 'node'
  }
});
