import { emlToDraft } from '../extension/capture/eml.ts';
const raw = 'From: a@b.com\r\nSubject: Re: x\r\nContent-Type: text/html\r\n\r\n<p>New price: $900</p><div class="gmail_quote">Old price: $800</div>';
console.log(JSON.stringify((await emlToDraft(raw)).markdown));
