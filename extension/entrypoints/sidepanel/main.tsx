import { render } from 'preact';
import { openDb } from '../../store/db';
import { LogApp } from '../../ui/log/LogApp';
import '../../ui/styles.css';

render(<LogApp db={openDb()} />, document.getElementById('app')!);
