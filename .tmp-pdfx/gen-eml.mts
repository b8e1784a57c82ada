import { writeFileSync } from 'node:fs';
import { makePdf } from '../test/fixtures/make-pdf.ts';

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/.{76}/g, '$&\n');
const quote = makePdf([['Acme Cloud Services – Renewal Quote 2027', 'Managed services: $4,800/month', 'Valid until December 1, 2026']], { title: 'Acme Renewal Quote 2027' });

writeFileSync('test/fixtures/eml/vendor-renewal.eml', crlf(`Return-Path: <dana.reyes@acme-cloud.com>
Received: from mail.acme-cloud.com (mail.acme-cloud.com [203.0.113.25])
        by mx.vcio-partners.com with ESMTPS id 4f2a; Tue, 03 Nov 2026 06:15:02 -0800
From: "Dana Reyes" <dana.reyes@acme-cloud.com>
To: "Alex Martin" <alex@vcio-partners.com>
Cc: "Sam Lee" <sam.lee@northwind-dental.com>, ops@northwind-dental.com
Subject: Re: Acme Cloud renewal for Northwind Dental
Date: Tue, 3 Nov 2026 09:15:00 -0500
Message-ID: <CAF=renewal-2@mail.acme-cloud.com>
In-Reply-To: <CAF=renewal-1@mail.vcio-partners.com>
References: <CAF=renewal-0@mail.acme-cloud.com>
 <CAF=renewal-1@mail.vcio-partners.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mixed-7f3a"

--mixed-7f3a
Content-Type: multipart/alternative; boundary="alt-19bc"

--alt-19bc
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Hi Alex,

Attached is the renewal quote for Northwind Dental. The new rate is $4,800/m=
onth from January 1, 2027 (was $4,500/month).

Please confirm by December 1, 2026 so we can keep the current SLA.

Dana

On Mon, Nov 2, 2026 at 4:02 PM Alex Martin <alex@vcio-partners.com> wrote:
> Dana, could you send the renewal pricing for Northwind before our
> governance meeting?

--alt-19bc
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr"><p>Hi Alex,</p>
<p>Attached is the renewal quote for Northwind Dental. The new rate is <b>$4,=
800/month</b> from January 1, 2027 (was $4,500/month).</p>
<table><tr><th>Item</th><th>Current</th><th>Renewal</th></tr>
<tr><td>Managed services</td><td>$4,500/month</td><td>$4,800/month</td></tr></table>
<p>Please confirm by December 1, 2026 so we can keep the current SLA.</p>
<p onclick=3D"alert(1)">Dana</p><script>alert('x')</script></div>
<div class=3D"gmail_quote"><div dir=3D"ltr" class=3D"gmail_attr">On Mon, Nov=
 2, 2026 at 4:02 PM Alex Martin &lt;alex@vcio-partners.com&gt; wrote:<br></div>
<blockquote class=3D"gmail_quote">Dana, could you send the renewal pricing f=
or Northwind before our governance meeting?</blockquote></div>

--alt-19bc--

--mixed-7f3a
Content-Type: application/pdf; name="Acme-Renewal-Quote-2027.pdf"
Content-Disposition: attachment; filename="Acme-Renewal-Quote-2027.pdf"
Content-Transfer-Encoding: base64

${b64(quote)}
--mixed-7f3a--
`));

writeFileSync('test/fixtures/eml/outlook-reply.eml', crlf(`From: Priya Shah <priya@fibrelink.net>
To: Alex Martin <alex@vcio-partners.com>
Subject: RE: Circuit upgrade quote
Date: Wed, 4 Nov 2026 17:42:10 +0000
Message-ID: <DM6PR11MB4321.namprd11.prod.outlook.com>
In-Reply-To: <BY5PR02MB6789.namprd02.prod.outlook.com>
Thread-Topic: Circuit upgrade quote
Thread-Index: AdlQx2Vb3mJkZ5x2TqWc1e8h0vQ1pA==
MIME-Version: 1.0
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit

Alex,

We can do the 1 Gbps upgrade for $3,900/month on a 24-month term.
The quote is valid until November 30, 2026.

Regards,
Priya Shah
FibreLink Networks

-----Original Message-----
From: Alex Martin <alex@vcio-partners.com>
Sent: Monday, November 2, 2026 3:10 PM
To: Priya Shah <priya@fibrelink.net>
Subject: Circuit upgrade quote

Priya, can you confirm the price of the 1 Gbps upgrade for Northwind?
`));

writeFileSync('test/fixtures/eml/outlook-web-reply.eml', crlf(`From: Priya Shah <priya@fibrelink.net>
To: Alex Martin <alex@vcio-partners.com>
Subject: RE: Circuit upgrade quote
Date: Thu, 5 Nov 2026 08:05:00 +0000
Message-ID: <DM6PR11MB9999.namprd11.prod.outlook.com>
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: 7bit

<html><body>
<div>Contract signed and attached to the ticket. Install date: December 7, 2026.</div>
<div id="appendonsend"></div>
<hr style="display:inline-block;width:98%">
<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Alex Martin &lt;alex@vcio-partners.com&gt;<br><b>Sent:</b> Wednesday, November 4, 2026 6:00 PM<br><b>Subject:</b> RE: Circuit upgrade quote</div>
<div>Thanks Priya, please send the contract.</div>
</body></html>
`));

writeFileSync('test/fixtures/eml/french-renewal.eml', crlf(`From: =?UTF-8?Q?H=C3=A9l=C3=A8ne_Dubois?= <helene.dubois@telecom-exemple.fr>
To: Alex Martin <alex@vcio-partners.com>
Subject: =?UTF-8?B?${Buffer.from('Renouvellement de votre contrat – 12 000 € HT par an').toString('base64')}?=
Date: Fri, 6 Nov 2026 10:30:00 +0100
Message-ID: <20261106103000.1234@telecom-exemple.fr>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Bonjour,

Votre contrat arrive =C3=A0 =C3=A9ch=C3=A9ance le 31 janvier 2027. Le renouv=
ellement est propos=C3=A9 =C3=A0 12 000 =E2=82=AC HT par an.

Cordialement,
H=C3=A9l=C3=A8ne Dubois

Le 2 nov. 2026 =C3=A0 10:00, Alex Martin <alex@vcio-partners.com> a =C3=A9crit =
:
> Pouvez-vous nous transmettre l'offre de renouvellement ?
`));
