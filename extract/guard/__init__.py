"""What keeps a bad PDF from hurting the machine or the landed data.

- `limits`: the bounds a PDF must stay within (`Limits`, from `DINUM_*` variables);
- `preflight`: the file checked against them before any parsing (pages, objects, bytes
  once decompressed), and sorted into empty, not a PDF, damaged or encrypted;
- `deadline`: the time limit per page;
- `quality`: whether a new extraction is good enough to replace the landed one.

Every refusal is an `extract.errors.ExtractionError`.
"""
