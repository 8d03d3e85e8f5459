/** A form field's text ('' when absent); files are not text fields here. */
export const text = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

/** Every value of a repeated field (checkboxes sharing a name). */
export const texts = (data: FormData, name: string): string[] => data.getAll(name).filter((v): v is string => typeof v === 'string');
