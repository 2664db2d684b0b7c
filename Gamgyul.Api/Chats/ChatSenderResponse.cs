namespace Gamgyul.Api.Chats;

/// <summary>A message's author, as the chat screens show it.</summary>
public sealed record ChatSenderResponse(string Handle, string Username, string ProfileImage);
