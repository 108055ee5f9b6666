namespace ImdbSentiment.Model.Data;

/// <summary>
/// 64-bit FNV-1a over a string's UTF-16 code units: a hash that is the same in every process and on every platform
/// (string.GetHashCode is randomised per process), so a split made from it can be fixed once and reproduced anywhere.
/// </summary>
internal static class GroupHash
{
    public static ulong Of(string value)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var c in value)
        {
            hash = (hash ^ (byte)c) * 0x100000001b3UL;
            hash = (hash ^ (byte)(c >> 8)) * 0x100000001b3UL;
        }
        return hash;
    }
}
