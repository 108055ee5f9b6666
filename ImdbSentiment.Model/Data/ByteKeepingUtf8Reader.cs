using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ImdbSentiment.Model.Data;

/// <summary>
/// Decodes UTF-8 keeping the bytes that are not UTF-8 as <see cref="EscapedBytes"/>. It decodes by itself because .NET's
/// decoder fallbacks may not return lone surrogates.
/// </summary>
internal sealed class ByteKeepingUtf8Reader(Stream stream) : TextReader
{
    private readonly byte[] _bytes = new byte[1 << 16];
    private readonly char[] _pair = new char[2];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private char _pendingLowSurrogate;

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
            return 0;
        if (_pendingLowSurrogate != 0)
        {
            buffer[0] = _pendingLowSurrogate;
            _pendingLowSurrogate = '\0';
            return 1;
        }

        while (true)
        {
            if (_end - _start < 4 && !_endOfStream)
                Fill();
            if (_start == _end)
                return 0;

            var status = Utf8.ToUtf16(_bytes.AsSpan(_start, _end - _start), buffer, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
            _start += read;
            if (written > 0)
                return written;
            switch (status)
            {
                case OperationStatus.InvalidData:
                    Rune.DecodeFromUtf8(_bytes.AsSpan(_start, _end - _start), out _, out var invalid);
                    var escaped = Math.Min(Math.Max(invalid, 1), buffer.Length);
                    for (var i = 0; i < escaped; i++)
                        buffer[i] = EscapedBytes.Escape(_bytes[_start + i]);
                    _start += escaped;
                    return escaped;
                case OperationStatus.DestinationTooSmall:
                    // A one-char buffer and a character that needs two: hand out its halves one by one.
                    var pair = _pair.AsSpan();
                    Utf8.ToUtf16(_bytes.AsSpan(_start, _end - _start), pair, out read, out _, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
                    _start += read;
                    buffer[0] = pair[0];
                    _pendingLowSurrogate = pair[1];
                    return 1;
            }
            // NeedMoreData: the loop reads on, or at the end of the stream decodes the rest as a final block.
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            stream.Dispose();
        base.Dispose(disposing);
    }

    private void Fill()
    {
        var rest = _end - _start;
        _bytes.AsSpan(_start, rest).CopyTo(_bytes);
        _start = 0;
        _end = rest;
        var read = stream.Read(_bytes, _end, _bytes.Length - _end);
        if (read == 0)
            _endOfStream = true;
        _end += read;
    }
}
