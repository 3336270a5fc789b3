// The category picker above the dashboard of the React 18 app: "" is every category.
const CATEGORIES = ['Doohickey', 'Gadget', 'Gizmo', 'Widget'];

export function CategoryPicker({value, onChange}: {value: string; onChange: (category: string) => void}) {
  return (
    <label>
      Category{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All</option>
        {CATEGORIES.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
    </label>
  );
}
