#include "net/info_connection.h"

#include "proto/frame.h"

#include <cstdint>

namespace aeroshim {

Result<InfoConnection> InfoConnection::open(const sockaddr_storage& address,
                                            std::chrono::milliseconds timeout) {
  auto connection = Connection::open(address, std::chrono::steady_clock::now() + timeout);
  if (!connection) return connection.status();
  return InfoConnection(std::move(*connection));
}

Result<std::string> InfoConnection::request(const std::string& body,
                                            std::chrono::milliseconds timeout) {
  if (!is_open()) return Status::error(AEROSPIKE_ERR_CONNECTION, "info connection is closed");
  auto answer = exchange_info(connection_, body, std::chrono::steady_clock::now() + timeout);
  if (!answer) close();
  return answer;
}

Result<std::string> exchange_info(Connection& connection, const std::string& body,
                                  Deadline deadline) {
  // One buffer, so that the header and the body leave in one segment.
  std::string frame(proto::kFrameHeaderSize, '\0');
  proto::encode_frame_header(proto::FrameType::kInfo, body.size(),
                             reinterpret_cast<uint8_t*>(frame.data()));
  frame += body;
  Status sent = connection.write_all(frame.data(), frame.size(), deadline);
  if (!sent) return sent;

  uint8_t header_bytes[proto::kFrameHeaderSize];
  Status got = connection.read_exactly(header_bytes, sizeof header_bytes, deadline);
  if (!got) return got;
  const auto header = proto::decode_frame_header(header_bytes);
  if (header.version != proto::kVersion ||
      header.type != static_cast<uint8_t>(proto::FrameType::kInfo))
    return Status::error(AEROSPIKE_ERR_CLIENT, "info answer has version {} type {}", header.version,
                         header.type);
  if (header.body_size > kMaxInfoAnswer)
    return Status::error(AEROSPIKE_ERR_CLIENT, "info answer declares {} bytes", header.body_size);
  std::string answer(header.body_size, '\0');
  got = connection.read_exactly(answer.data(), answer.size(), deadline);
  if (!got) return got;
  return answer;
}

}  // namespace aeroshim
