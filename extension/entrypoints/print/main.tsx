import { render } from 'preact';
import { openDb } from '../../store/db';
import { PrintView } from '../../ui/print/PrintView';
import '../../ui/styles.css';
import '../../ui/print/print.css';

render(<PrintView db={openDb()} />, document.getElementById('app')!);
