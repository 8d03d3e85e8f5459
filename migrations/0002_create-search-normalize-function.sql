-- Accent-free, lower-case form of Vietnamese text for search under row-level security.
-- translate() with explicit maps (not unaccent(), which is only STABLE and needs an extension;
-- not lower() alone, whose result for non-ASCII depends on the database's ctype). NFC first so
-- text typed with combining marks folds the same way as precomposed text. IMMUTABLE so it can
-- feed generated columns; whitespace is collapsed so "Nguyễn  Văn A" finds "nguyen van a".
CREATE OR REPLACE FUNCTION gov_search_normalize(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  SET search_path = pg_catalog
  RETURN lower(regexp_replace(btrim(translate(normalize(input, NFC),
    'àÀáÁạẠảẢãÃâÂầẦấẤậẬẩẨẫẪăĂằẰắẮặẶẳẲẵẴèÈéÉẹẸẻẺẽẼêÊềỀếẾệỆểỂễỄìÌíÍịỊỉỈĩĨòÒóÓọỌỏỎõÕôÔồỒốỐộỘổỔỗỖơƠờỜớỚợỢởỞỡỠùÙúÚụỤủỦũŨưƯừỪứỨựỰửỬữỮỳỲýÝỵỴỷỶỹỸđĐ',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyydd')), '\s+', ' ', 'g'));
