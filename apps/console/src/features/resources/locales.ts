import { namespace } from '@/locales/types';

export default namespace({}, {});
