// The data source the TypeORM CLI loads (`npm run migration:generate`), built from the
// validated environment like the apps'.
import { loadConfig } from '@onedoor/platform';
import { createCliDataSource } from './data-source';

export default createCliDataSource(loadConfig().database.url);
