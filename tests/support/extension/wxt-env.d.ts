// Extension code imports `#imports` and reads `import.meta.env`; WXT generates their types here.
import type {} from '../../../.wxt/wxt';
