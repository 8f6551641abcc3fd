import { render } from 'preact';
import { Panel } from '../../components/Panel.js';
import '../../components/ui.css';

render(<Panel />, document.getElementById('app')!);
