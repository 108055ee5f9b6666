namespace ImdbSentiment.Training.WordVectors;

/// <summary>A word-vector file's first line: how many words it says it holds, and the length of each vector.</summary>
public readonly record struct WordVectorHeader(long Count, int Dimensions);
