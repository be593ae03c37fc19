// The words the page's scripts show: the server writes them into the page, from the
// citizens' catalogue (src/texts/citizens.ts), as a JSON block the browser does not run.
export const TEXTS = JSON.parse(document.getElementById('texts').textContent);
