import { render } from 'preact';
import { Options } from '../../components/Options.js';
import '../../components/ui.css';

render(<Options />, document.getElementById('app')!);
