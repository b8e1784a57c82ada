import { render } from 'preact';
import { openDb } from '../../store/db';
import { Popup } from '../../ui/capture/Popup';
import '../../ui/styles.css';

render(<Popup db={openDb()} />, document.getElementById('app')!);
