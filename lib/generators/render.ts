/**
 * Fills `{{name}}` placeholders in a template. Templates hold no logic; which files to emit and
 * what each value is (already escaped for the file's language) is decided in code. A placeholder
 * without a value is a bug in the generator, so it throws rather than emit a broken file.
 */
export function render(template: string, values: Readonly<Record<string, string | number>>, where = 'template'): string {
  // Most runtime files have no placeholder: hand back the template itself, so every service's copy
  // is one string (the zip writer then recognises the shared content without comparing bytes).
  if (!template.includes('{{')) return template;
  return template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${where}: no value for placeholder {{${key}}}.`);
    return String(value);
  });
}
