import { render } from 'preact';
import { Panel } from '../../components/Panel.js';
import { selectedType } from '../../lib/settings.js';
import '../../components/ui.css';

// A type to show comes from the card's "Se alle detaljer" (stored) or, in a tab, from the address (#type=id).
const fromHash = new URLSearchParams(location.hash.slice(1)).get('type');
void selectedType.getValue().then((stored) => {
  render(<Panel initialType={fromHash ?? stored} />, document.getElementById('app')!);
  if (stored) void selectedType.setValue(null);
});
