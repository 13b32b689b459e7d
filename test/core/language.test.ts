import { strict as assert } from 'assert';
import { capitalMarksNames, declaredLanguage, languageAround, primaryLanguage } from '../../src/core/language';

describe('language of a text', () => {
  it('reads the language declared in front matter', () => {
    assert.equal(declaredLanguage('---\ntitle: Bericht\nlang: de-CH\n---\nText'), 'de');
    assert.equal(declaredLanguage('---\r\nlanguage: "fr"\r\n---\r\nTexte'), 'fr');
    assert.equal(declaredLanguage('No front matter.\nlang: de'), undefined);
    assert.equal(declaredLanguage('---\ntitle: x\n---\nlang: de'), undefined);
  });

  it('takes the primary subtag of a declared tag', () => {
    assert.equal(primaryLanguage('de-AT'), 'de');
    assert.equal(primaryLanguage('pt_BR'), 'pt');
    assert.equal(primaryLanguage(' EN '), 'en');
    assert.equal(primaryLanguage('not a tag'), undefined);
    assert.equal(primaryLanguage(undefined), undefined);
  });

  const paragraphs: [string, string][] = [
    ['de', 'Regierungssprecher Steffen Hebestreit sagte am Donnerstag in Berlin, es gebe wenig Grund für Optimismus, aber die Tür für Gespräche bleibe offen.'],
    ['en', 'The Kremlin spokesman said on Thursday that there was little ground for optimism, but that the door to dialogue remained open.'],
    ['fr', "Le porte-parole de l'Élysée a déclaré jeudi que la France ne renoncerait pas au dialogue avec Moscou, malgré les tensions."],
    ['es', 'El ministro de Exteriores dijo el jueves que hay poco margen para el optimismo, pero que la puerta al diálogo sigue abierta.'],
  ];
  for (const [expected, text] of paragraphs) {
    it(`tells ${expected} from the paragraph around a word`, () => {
      const at = text.indexOf(' ', 40);
      assert.equal(languageAround(text, { start: at + 1, end: at + 6 }), expected);
    });
  }

  it('says nothing about a text too short to tell', () => {
    assert.equal(languageAround('Ja.', { start: 0, end: 2 }), undefined);
  });

  it('reads capitals as names except where every noun has one', () => {
    assert.equal(capitalMarksNames('en'), true);
    assert.equal(capitalMarksNames('fr'), true);
    assert.equal(capitalMarksNames(undefined), true);
    assert.equal(capitalMarksNames('de'), false);
    assert.equal(capitalMarksNames('lb'), false);
  });
});
