import { Select } from 'antd';

/** One option of a filter; values are what goes into the URL. */
export interface FilterOption<V extends string | number = string> {
  value: V;
  label: string;
}

/**
 * A list page's filter: clearable, full width of its column, labelled for screen readers by its placeholder (or
 * `label`), searchable by the options' text when `search` is set (long lists: units, users, chapters).
 */
export function FilterSelect<V extends string | number = string>(props: {
  placeholder: string;
  label?: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: Array<FilterOption<V>>;
  testId: string;
  search?: boolean;
  /** Let the list be wider than the select (long chapter titles in a narrow column). */
  wideList?: boolean;
}) {
  return (
    <Select<V>
      allowClear
      showSearch={props.search}
      optionFilterProp={props.search ? 'label' : undefined}
      style={{ width: '100%' }}
      placeholder={props.placeholder}
      aria-label={props.label ?? props.placeholder}
      value={props.value}
      onChange={(value) => props.onChange(value ?? undefined)}
      options={props.options}
      popupMatchSelectWidth={props.wideList ? false : undefined}
      data-testid={props.testId}
    />
  );
}
