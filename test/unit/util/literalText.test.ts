import { strict as assert } from 'node:assert';
import { errorText } from '../../../src/core/errorText';
import { ServerError } from '../../../src/gitlab/errors';
import { literalIcons, literalLinks } from '../../../src/util/literalText';
import { word } from '../../../src/util/text';

describe('server text shown as typed', () => {
  it('QuickPick text: `$(name)` is no icon', () => {
    assert.equal(literalIcons('$(lock) app $(x'), '\\$(lock) app \\$(x');
    assert.equal(literalIcons('plain'), 'plain');
  });

  it('notifications: `[label](target)` is no link, the words stay', () => {
    const said = literalLinks('[Sign in](command:workbench.action.reloadWindow) or [site](https://evil.example)');
    assert.ok(!said.includes(']('), said);
    assert.equal(said, '[Sign in] (command:workbench.action.reloadWindow) or [site] (https://evil.example)');
  });

  it("an error's server message reaches a toast as text", () => {
    const e = new ServerError('/projects/1/packages', 500, 'Oops [Fix it](command:workbench.action.terminal.new)');
    assert.equal(word(errorText(e)), 'GitLab answered with HTTP 500: Oops [Fix it] (command:workbench.action.terminal.new)');
  });
});
