namespace Gamgyul.Api.Email;

public enum EmailDelivery
{
    Smtp,
    Sink,
}
