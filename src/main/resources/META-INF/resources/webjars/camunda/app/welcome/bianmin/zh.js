/* The footer's time zone and the relative dates in Chinese, as in the other webapps (../../bianmin/webapp-zh.js). */
import { keepChinese } from '../../bianmin/webapp-zh.js';

keepChinese();

export default [];
