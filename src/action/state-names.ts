/**
 * The names the main step hands values to the post step under (core.saveState
 * -> core.getState). One enum so the two steps cannot disagree on a spelling.
 */
export enum StateName {
  /** The exact key of the plugin cache, computed before the first init. */
  PluginCacheKey = 'plugin-cache-key',
  /** The key a restore matched ('' when nothing was restored). */
  PluginCacheMatchedKey = 'plugin-cache-matched-key',
  /** The plugin cache folder (TF_PLUGIN_CACHE_DIR of the run). */
  PluginCacheDir = 'plugin-cache-dir'
}
