/**
 * The one stylesheet of koppel's pages, served as a file by every service with pages.
 * Colours meet WCAG AA on white (text ≥ 4.5:1); focus is a thick amber outline on every
 * control; errors are text with a marker and a thick left border, never only a colour.
 * A service may add its own rules after it (`extra`), e.g. the portal's translated error marker.
 */
export const PAGE_CSS = `
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 76rem; padding: 0 1rem 2rem; color: #1b1b1b; line-height: 1.45; background: #fff; }
a { color: #0b4f9c; }
header.site { display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; border-bottom: 2px solid #0b4f9c; padding: .6rem 0; margin-bottom: 1rem; }
header.site nav a { margin-right: 1rem; }
header.site nav.languages { margin-left: auto; }
nav.languages a[aria-current] { font-weight: 700; text-decoration: none; color: #1b1b1b; }
h1 { font-size: 1.7rem; } h2 { font-size: 1.35rem; margin-top: 2rem; } h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #bbb; vertical-align: top; }
.score { font-variant-numeric: tabular-nums; }
form.inline { display: inline-block; margin: .2rem .4rem .2rem 0; }
fieldset { border: 1px solid #888; border-radius: 4px; margin: 0 0 1rem; padding: .5rem .8rem; }
fieldset .option { display: inline-block; margin: .15rem 1rem .15rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; }
.filters label { display: block; font-size: .9rem; }
.field { margin: 0 0 1rem; }
.field > label, fieldset.field > legend { display: block; font-weight: 600; }
.hint { margin: .1rem 0 .3rem; color: #4a4a4a; font-size: .95rem; }
input, select, textarea, button { font: inherit; }
input, select, textarea { padding: .3rem .4rem; border: 1px solid #555; border-radius: 3px; max-width: 100%; }
.field input[type=text], .field input[type=email], .field input[type=number], .field select, .field textarea { min-width: 16rem; }
textarea { width: 100%; box-sizing: border-box; }
.row { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.has-error input[type=text], .has-error input[type=number], .has-error input[type=email], .has-error select, .has-error textarea { border: 2px solid #a4161a; }
.has-error { border-left: 4px solid #a4161a; padding-left: .6rem; }
.field-error { color: #a4161a; font-weight: 600; margin: .2rem 0; }
.error-summary { border: 3px solid #a4161a; padding: .5rem 1rem; margin: 0 0 1rem; }
.error-summary h2 { margin-top: .3rem; font-size: 1.2rem; }
button, .button { padding: .35rem .8rem; cursor: pointer; border-radius: 3px; border: 1px solid #0b4f9c; background: #fff; color: #0b4f9c; text-decoration: none; display: inline-block; }
.approve, .primary { background: #11652f; color: #fff; border-color: #11652f; }
.reject { background: #fff; color: #8a1c1c; border-color: #8a1c1c; }
.muted { color: #4a4a4a; }
.status { display: inline-block; padding: 0 .4rem; border-radius: 3px; background: #e8eef6; color: #1b1b1b; }
.warn { background: #fff4e0; border-left: 4px solid #a05a00; padding: .5rem .8rem; }
.ok, .status-line:not(:empty) { background: #e7f4ea; border-left: 4px solid #11652f; padding: .5rem .8rem; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.card { border: 1px solid #888; border-radius: 4px; padding: .8rem 1rem; margin: 0 0 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 .8rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
form.answer label { display: block; margin-top: .6rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem; }
:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
`;

/** PAGE_CSS with a service's own rules after it. */
export function stylesheet(extra = ''): string {
  return extra ? `${PAGE_CSS}\n${extra}\n` : PAGE_CSS;
}
