package io.tonewall.psp.it;

import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.PspConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;

/**
 * Test deployment only: {@code GET /psp-tx?key=K&end=commit|rollback} authorises a 10.00 GBP sale
 * with the {@code stripe-it} configuration inside a JTA transaction, then commits or rolls back,
 * and answers the outcome and provider reference.
 */
@WebServlet("/psp-tx")
public class PspTransactionServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Resource(lookup = "eis/tonewall/psp")
  private transient PspConnectionFactory payments;

  @Resource private transient UserTransaction transaction;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String end = request.getParameter("end");
    try {
      transaction.begin();
      PaymentResult result;
      try (PspConnection connection = payments.getConnection();
          PaymentCard card =
              PaymentCard.of(
                  "4242424242424242".toCharArray(), "1230".toCharArray(), "123".toCharArray())) {
        result =
            connection.authorise(
                new AuthorisationRequest(
                    "stripe-it",
                    IdempotencyKey.of(request.getParameter("key")),
                    Money.of(1000, "GBP"),
                    card,
                    AuthorisationKind.SALE));
      }
      if ("commit".equals(end)) {
        transaction.commit();
      } else {
        transaction.rollback();
      }
      response.setContentType("text/plain");
      response
          .getWriter()
          .print(result.outcome() + " " + result.providerReference().orElse("-") + " " + end);
    } catch (Exception e) {
      throw new IOException("PSP transaction failed: " + e, e);
    }
  }
}
