namespace ImdbSentiment.Model.Data;

/// <summary>
/// How bytes that are not UTF-8 (a Latin-1 "é" in a UTF-8 file) survive a trip through text: <see cref="ByteKeepingUtf8Reader"/>
/// turns each into the lone surrogate U+DC00 + byte (U+DC80..U+DCFF), which valid UTF-8 never decodes to, and
/// <see cref="ByteRestoringWriter"/> writes it back as that byte. Python calls this "surrogateescape".
/// </summary>
internal static class EscapedBytes
{
    public static char Escape(byte invalid) => (char)(0xDC00 + invalid);

    /// <summary>Whether a lone low surrogate (one not after a high surrogate) is an escaped byte.</summary>
    public static bool IsEscape(char loneLowSurrogate) => loneLowSurrogate is >= '\uDC80' and <= '\uDCFF';

    /// <summary>Whether the char at <paramref name="index"/> is an escaped byte rather than the low half of a surrogate pair.</summary>
    public static bool IsEscapedByte(ReadOnlySpan<char> text, int index) =>
        IsEscape(text[index]) && (index == 0 || !char.IsHighSurrogate(text[index - 1]));

    public static byte ByteOf(char escaped) => (byte)(escaped - 0xDC00);

    /// <summary>The text with each escaped byte as U+FFFD, as plain UTF-8 decoding gives it (text processing rejects lone surrogates).</summary>
    public static string Replaced(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uDC80', '\uDCFF') < 0)
            return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (IsEscapedByte(text, i))
                chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}
