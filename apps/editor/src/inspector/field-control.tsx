import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language-context.tsx';
import { CodeField } from './code-field.tsx';
import { CollectionField } from './collection-field.tsx';
import type { FieldProps } from './field-props.ts';
import { emptyValue } from './form-fields.ts';
import { JsonField } from './json-field.tsx';
import { KnowledgeBasePicker } from './knowledge-base-picker.tsx';
import { ModelPicker } from './model-picker.tsx';
import { ProblemList } from './problem-list.tsx';
import { TemplateField } from './template-field.tsx';
import { TextField } from './text-field.tsx';

/** One field of a node's config, rendered by the control its schema calls for. */
export function FieldControl(props: FieldProps) {
  const { t } = useLanguage();
  const { spec, value, onChange, label, pointer } = props;
  const here = props.problems.filter((problem) => problem.field === pointer);
  const invalid = here.some((problem) => problem.severity === 'error');
  const id = `field-${props.nodeId}${pointer.replaceAll('/', '-')}`;
  let control: ReactNode;
  switch (spec.control) {
    case 'constant':
      return null;
    case 'text':
      control = spec.template ? (
        <TemplateField
          id={id}
          nodeId={props.nodeId}
          multiline={spec.multiline}
          value={typeof value === 'string' ? value : ''}
          invalid={invalid}
          onChange={onChange}
        />
      ) : (
        <TextField
          id={id}
          multiline={spec.multiline}
          value={typeof value === 'string' ? value : ''}
          invalid={invalid}
          onChange={onChange}
        />
      );
      break;
    case 'model':
      control = <ModelPicker id={id} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
      break;
    case 'knowledgeBase':
      control = (
        <KnowledgeBasePicker
          id={id}
          value={typeof value === 'string' ? value : ''}
          invalid={invalid}
          onChange={onChange}
        />
      );
      break;
    case 'code':
      control = <CodeField id={id} value={typeof value === 'string' ? value : ''} onChange={onChange} />;
      break;
    case 'number':
      control = (
        <input
          id={id}
          type="number"
          aria-invalid={invalid}
          step={spec.integer ? 1 : 'any'}
          min={spec.minimum}
          max={spec.maximum}
          value={typeof value === 'number' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
        />
      );
      break;
    case 'boolean':
      control = (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      );
      break;
    case 'enum':
      control = (
        <select
          id={id}
          aria-invalid={invalid}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        >
          {(typeof value !== 'string' || !props.required) && <option value="">{t('inspector.unset')}</option>}
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'json':
      control = <JsonField id={id} value={value} onChange={onChange} />;
      break;
    case 'object':
    case 'list':
    case 'map':
      return (
        <fieldset className={`field field-${spec.control}`}>
          <legend title={props.description}>{label}</legend>
          <ProblemList problems={here} />
          <CollectionField {...props} spec={spec} value={value ?? emptyValue(spec)} Field={FieldControl} />
        </fieldset>
      );
  }
  return (
    <div className={`field field-${spec.control}`}>
      <label htmlFor={id} title={props.description}>
        {label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {control}
      {props.description && <span className="field-help">{props.description}</span>}
      <ProblemList problems={here} />
    </div>
  );
}
