// Marks the page as having JavaScript before it is drawn, as the NHS.UK frontend's template does inline.
// An external file rather than inline script, so that the Content-Security-Policy needs no 'unsafe-inline'.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
