import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router.js';
import { i18n, tt, label, setLocale, currentLocale } from './i18n/index.js';
// Styles of Element Plus's function-style APIs (messages, message boxes), which the component resolver does not see.
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import './styles.css';

setLocale(currentLocale());
const app = createApp(App);
app.use(i18n);
app.use(router);
app.config.globalProperties.$tt = tt;
app.config.globalProperties.$label = label;
app.mount('#app');
