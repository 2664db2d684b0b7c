using System.Net;

namespace Gamgyul.Search.Vectors.Milvus;

/// <summary>
/// A Milvus call that failed: an error envelope (<c>{"code": non-zero, "message": …}</c>, which Milvus
/// sends with HTTP 200), or an HTTP error without one.
/// </summary>
public sealed class MilvusException : Exception
{
    public MilvusException(string operation, int code, string message, HttpStatusCode? httpStatus = null)
        : base($"Milvus {operation} failed with code {code}: {message}")
    {
        Operation = operation;
        Code = code;
        ServerMessage = message;
        HttpStatus = httpStatus;
    }

    /// <summary>The REST path after <c>/v2/vectordb/</c>, e.g. <c>entities/search</c>.</summary>
    public string Operation { get; }

    /// <summary>Milvus's error code (see <see cref="MilvusErrorCodes"/>), or the HTTP status when there was no envelope.</summary>
    public int Code { get; }

    public string ServerMessage { get; }

    /// <summary>Set when the HTTP status itself was an error.</summary>
    public HttpStatusCode? HttpStatus { get; }
}
