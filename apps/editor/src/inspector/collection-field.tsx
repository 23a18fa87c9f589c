import type { ComponentType } from 'react';
import { fieldText } from '../i18n/field-text.ts';
import { useLanguage } from '../i18n/language-context.tsx';
import type { FieldProps } from './field-props.ts';
import { emptyValue, type FieldSpec } from './form-fields.ts';

type CollectionSpec = Extract<FieldSpec, { control: 'object' | 'list' | 'map' }>;

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Objects, lists (condition cases and rules, agent tools, start inputs) and string maps (headers, code inputs).
 * Entries render through `Field` (the inspector's field control), passed in to keep imports acyclic.
 */
export function CollectionField(
  props: FieldProps & { spec: CollectionSpec; Field: ComponentType<FieldProps> },
) {
  const { t, language } = useLanguage();
  const FieldControl = props.Field;
  const { spec, value, onChange, pointer } = props;
  if (spec.control === 'object') {
    const record = asRecord(value);
    return (
      <>
        {spec.fields.map((field) => {
          const path = `${props.path}/${field.name}`;
          const text = fieldText(language, props.kind, path, field);
          return (
            <FieldControl
              key={field.name}
              nodeId={props.nodeId}
              kind={props.kind}
              path={path}
              label={text.label}
              description={text.description}
              spec={field.spec}
              pointer={`${pointer}/${field.name}`}
              required={field.required}
              value={record[field.name] ?? field.defaultValue}
              problems={props.problems}
              onChange={(next) => {
                const copy = { ...record };
                if (next === undefined) delete copy[field.name];
                else copy[field.name] = next;
                onChange(copy);
              }}
            />
          );
        })}
      </>
    );
  }
  if (spec.control === 'list') {
    const items = Array.isArray(value) ? value : [];
    const full = spec.maxItems !== undefined && items.length >= spec.maxItems;
    return (
      <>
        <ol className="field-list">
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no stable id; the index is their pointer
            <li key={index}>
              <FieldControl
                nodeId={props.nodeId}
                kind={props.kind}
                path={`${props.path}/*`}
                label={`${props.label} ${index + 1}`}
                spec={spec.item}
                pointer={`${pointer}/${index}`}
                required
                value={item}
                problems={props.problems}
                onChange={(next) =>
                  onChange(items.map((entry, position) => (position === index ? next : entry)))
                }
              />
              <button
                type="button"
                className="small"
                aria-label={`${t('inspector.remove')} ${props.label} ${index + 1}`}
                onClick={() => onChange(items.filter((_, position) => position !== index))}
              >
                {t('inspector.remove')}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="small"
          disabled={full}
          aria-label={`${t('inspector.add')} ${props.label}`}
          onClick={() => onChange([...items, structuredClone(emptyValue(spec.item))])}
        >
          + {t('inspector.add')}
        </button>
      </>
    );
  }
  const entries = Object.entries(asRecord(value));
  const rename = (from: string, to: string) =>
    onChange(Object.fromEntries(entries.map(([key, entry]) => [key === from ? to : key, entry])));
  return (
    <>
      {entries.map(([key, entry], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: keys change while being typed; the position is stable
        <div key={index} className="map-entry">
          <input
            aria-label={`${props.label} ${t('inspector.key')} ${index + 1}`}
            value={key}
            onChange={(event) => rename(key, event.target.value)}
          />
          <FieldControl
            nodeId={props.nodeId}
            kind={props.kind}
            path={`${props.path}/*`}
            label={key || t('inspector.value')}
            spec={spec.value}
            pointer={`${pointer}/${key}`}
            required
            value={entry}
            problems={props.problems}
            onChange={(next) => onChange({ ...asRecord(value), [key]: next })}
          />
          <button
            type="button"
            className="small"
            onClick={() => onChange(Object.fromEntries(entries.filter(([other]) => other !== key)))}
          >
            {t('inspector.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="small"
        aria-label={`${t('inspector.add')} ${props.label}`}
        onClick={() => {
          let name = 'name';
          for (let suffix = 2; Object.hasOwn(asRecord(value), name); suffix += 1) name = `name_${suffix}`;
          onChange({ ...asRecord(value), [name]: emptyValue(spec.value) });
        }}
      >
        + {t('inspector.add')}
      </button>
    </>
  );
}
