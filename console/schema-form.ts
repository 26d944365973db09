import { type Child, h, uniqueId } from './dom.js';

/** The part of JSON Schema a task type's input uses that the form understands. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  title?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
}

/** A form's fields for one schema, and how to read the value they describe. */
export interface SchemaFields {
  element: HTMLElement;
  /** The object the fields describe (empty optional fields left out); throws a message for a field that is not valid JSON. */
  read(): Record<string, unknown>;
}

/**
 * Fields for an object schema: strings as text inputs (long ones as text areas), numbers and
 * integers as number inputs with their bounds, booleans as checkboxes, enums as selects, nested
 * objects as fieldsets (an optional one behind a checkbox), anything else as JSON. Required fields
 * are marked and required; defaults are filled in; descriptions become each field's hint.
 */
export function schemaFields(schema: JsonSchema, name = 'input'): SchemaFields {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = properties.map(([key, property]) => field(key, property, required.has(key), `${name}.${key}`));
  return {
    element: h('div', { class: 'schema-fields' }, fields.map((entry) => entry.element)),
    read() {
      const value: Record<string, unknown> = {};
      for (const [index, [key]] of properties.entries()) {
        const read = fields[index]!.read();
        if (read !== undefined) value[key] = read;
      }
      return value;
    },
  };
}

interface Field {
  element: HTMLElement;
  read(): unknown;
}

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type);

function field(key: string, schema: JsonSchema, required: boolean, path: string): Field {
  const id = uniqueId('field');
  const hintId = schema.description ? uniqueId('hint') : null;
  const hint = hintId ? h('p', { id: hintId, class: 'hint' }, schema.description) : null;
  const label = (...extra: Child[]) => h('label', { for: id }, schema.title ?? key, required ? h('span', { class: 'required' }, ' (required)') : null, ...extra);
  const common = { id, name: path, required, 'aria-describedby': hintId };
  const type = typeOf(schema);

  if (schema.enum) {
    const select = h(
      'select',
      common,
      required ? null : h('option', { value: '' }, '—'),
      schema.enum.map((option, index) => h('option', { value: String(index), selected: option === schema.default }, String(option))),
    );
    return { element: h('div', { class: 'field' }, label(), select, hint), read: () => (select.value === '' ? undefined : schema.enum![Number(select.value)]) };
  }
  if (type === 'boolean') {
    const checkbox = h('input', { ...common, type: 'checkbox', required: false, checked: schema.default === true });
    // An unchecked optional box is left out, so the agent's own default applies.
    return {
      element: h('div', { class: 'field checkbox' }, checkbox, label(), hint),
      read: () => (checkbox.checked ? true : required || schema.default !== undefined ? false : undefined),
    };
  }
  if (type === 'integer' || type === 'number') {
    const input = h('input', { ...common, type: 'number', min: schema.minimum, max: schema.maximum, step: type === 'integer' ? 1 : 'any', value: typeof schema.default === 'number' ? schema.default : undefined });
    return { element: h('div', { class: 'field' }, label(), input, hint), read: () => (input.value === '' ? undefined : Number(input.value)) };
  }
  if (type === 'object' && schema.properties) {
    const nested = schemaFields(schema, path);
    const fieldset = h('fieldset', { disabled: !required }, h('legend', {}, schema.title ?? key), hint, nested.element);
    if (required) return { element: fieldset, read: () => nested.read() };
    // Optional: its fields (some required within it) count only once it is included.
    const include = h('input', { type: 'checkbox', id, 'aria-describedby': hintId });
    include.addEventListener('change', () => (fieldset.disabled = !include.checked));
    return {
      element: h('div', { class: 'field nested' }, h('div', { class: 'checkbox' }, include, h('label', { for: id }, `Include ${schema.title ?? key}`)), fieldset),
      read: () => (include.checked ? nested.read() : undefined),
    };
  }
  if (type === 'string') {
    const long = (schema.maxLength ?? 0) > 500;
    const inputType = schema.format === 'email' ? 'email' : schema.format === 'uri' ? 'url' : 'text';
    const value = typeof schema.default === 'string' ? schema.default : undefined;
    const input = long ? h('textarea', { ...common, rows: 3, maxlength: schema.maxLength }, value ?? '') : h('input', { ...common, type: inputType, maxlength: schema.maxLength, value });
    return { element: h('div', { class: 'field' }, label(), input, hint), read: () => (input.value === '' ? undefined : input.value) };
  }
  // Arrays, unions and anything else: JSON, checked as it is read.
  const area = h('textarea', { ...common, rows: 3, class: 'json-input' }, schema.default === undefined ? '' : JSON.stringify(schema.default, null, 2));
  return {
    element: h('div', { class: 'field' }, label(' (JSON)'), area, hint),
    read: () => {
      if (area.value.trim() === '') return undefined;
      try {
        return JSON.parse(area.value) as unknown;
      } catch {
        area.focus();
        throw new Error(`${schema.title ?? key} is not valid JSON.`);
      }
    },
  };
}
